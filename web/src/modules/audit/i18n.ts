/** Names of the audit trail's records and actions (zh-CN first, en), merged into `audit`; found by i18n/index.ts. */
export default {
  'zh-CN': {
    audit: {
      entities: {
        Admission: '住院', AdmissionList: '在院患儿列表', AntenatalContact: '产前检查', ApiToken: '接口令牌', BedBoard: '床位看板', BedReservation: '床位预留',
        Birth: '活产登记', BirthCertificate: '出生医学证明', BloodSpotSample: '足跟血标本', CaseReview: '病例评审', CdsClient: 'CDS客户端',
        CertificateBlank: '空白出生医学证明', CertificateStock: '出生医学证明库存', ChdScreen: '先心病筛查', ChildHospitalStay: '住院记录', ChildRecord: '儿童档案',
        Consultation: '远程会诊', CriticalCase: '危重孕产妇病例', GuidanceEvent: '托育指导', HighRiskCase: '高危专案', Institution: '机构',
        InterviewNotice: '约谈通报', MaternalDeathReport: '孕产妇死亡报告卡', NewbornScreening: '新生儿疾病筛查', Nursery: '托育机构', NurseryInspection: '托育机构检查',
        NurseryStaff: '托育机构人员', Person: '个人档案', PmtctCase: '预防母婴传播专案', PmtctInfant: '暴露婴儿', PmtctInfantItem: '暴露婴儿随访项目',
        PostpartumVisit: '产后访视', Pregnancy: '孕产期档案', ReceivedResource: 'FHIR接收资源', Referral: '转诊单', ReviewAction: '整改措施',
        SampleBatch: '血片送检批次', ScreeningResult: '筛查结果', StaffUser: '工作人员账号', TransferRequest: '转运申请', WellChildVisit: '儿童保健随访'
      },
      actions: {
        ADMIT: '入院', ANSWER: '答复', ASSESS: '评估', CANCEL: '取消', CASE_PLAN: '专案计划', CHD_SCREEN: '先心病筛查', CLOSE: '结案', COLLECT: '采集',
        COMPLETE: '完成', CONCLUDE: '评审结论', DISCHARGE: '出院', ENROL: '纳入', EVIDENCE: '调取资料', EXPIRE: '过期', EXPORT: '导出',
        FILE_DISCHARGE: '归档出院小结', FOLLOW_UP: '随访', HIGH_RISK: '高危登记', IMPORT: '导入', INTERVENTIONS: '救治措施', ISSUE: '签发', LIST: '列表查看',
        LOOKUP: '查验', MESSAGE: '留言', NOTE: '记录', OPEN_CASE: '建立专案', OPEN_PMTCT: '建立母婴阻断专案', OUTCOME: '结局', PMTCT_EXIT: '母婴阻断结案',
        PRINT: '打印', PROGRESS: '进展', RECEIVE: '接收', RECTIFIED: '整改完成', REDATE: '修正孕周', REPORT: '上报', REQUEST_BED: '申请床位',
        RESERVE: '预留床位', RESPOND: '回复', RESULT: '结果', REVOKE: '撤销', SEND: '发送', TEAM: '救治团队', TRANSFER_WARD: '转科'
      }
    }
  },
  en: {
    audit: {
      entities: {
        Admission: 'Admission', AdmissionList: 'Inpatient list', AntenatalContact: 'Antenatal contact', ApiToken: 'API token', BedBoard: 'Bed board',
        BedReservation: 'Bed reservation', Birth: 'Live birth', BirthCertificate: 'Birth certificate', BloodSpotSample: 'Blood-spot sample',
        CaseReview: 'Case review', CdsClient: 'CDS client', CertificateBlank: 'Certificate blank', CertificateStock: 'Certificate stock',
        ChdScreen: 'CHD screen', ChildHospitalStay: 'Hospital stay', ChildRecord: "Child's record", Consultation: 'Remote consultation',
        CriticalCase: 'Critical case', GuidanceEvent: 'Nursery guidance', HighRiskCase: 'High-risk case', Institution: 'Institution',
        InterviewNotice: 'Interview / notice', MaternalDeathReport: 'Maternal death report', NewbornScreening: 'Newborn screening', Nursery: 'Nursery',
        NurseryInspection: 'Nursery inspection', NurseryStaff: 'Nursery staff', Person: "Person's record", PmtctCase: 'PMTCT case',
        PmtctInfant: 'Exposed infant', PmtctInfantItem: 'Exposed infant follow-up item', PostpartumVisit: 'Postpartum visit', Pregnancy: 'Pregnancy',
        ReceivedResource: 'Received FHIR resource', Referral: 'Referral', ReviewAction: 'Review action', SampleBatch: 'Sample batch',
        ScreeningResult: 'Screening result', StaffUser: 'Staff account', TransferRequest: 'Transfer request', WellChildVisit: 'Well-child visit'
      },
      actions: {
        ADMIT: 'Admit', ANSWER: 'Answer', ASSESS: 'Assess', CANCEL: 'Cancel', CASE_PLAN: 'Case plan', CHD_SCREEN: 'CHD screen', CLOSE: 'Close',
        COLLECT: 'Collect', COMPLETE: 'Complete', CONCLUDE: 'Conclude review', DISCHARGE: 'Discharge', ENROL: 'Enrol', EVIDENCE: 'Assemble evidence',
        EXPIRE: 'Expire', EXPORT: 'Export', FILE_DISCHARGE: 'File discharge summary', FOLLOW_UP: 'Follow-up', HIGH_RISK: 'High-risk entry', IMPORT: 'Import',
        INTERVENTIONS: 'Interventions', ISSUE: 'Issue', LIST: 'List read', LOOKUP: 'Look up', MESSAGE: 'Message', NOTE: 'Note', OPEN_CASE: 'Open case',
        OPEN_PMTCT: 'Open PMTCT case', OUTCOME: 'Outcome', PMTCT_EXIT: 'PMTCT exit', PRINT: 'Print', PROGRESS: 'Progress', RECEIVE: 'Receive',
        RECTIFIED: 'Rectified', REDATE: 'Redate', REPORT: 'Report', REQUEST_BED: 'Request bed', RESERVE: 'Reserve bed', RESPOND: 'Respond',
        RESULT: 'Result', REVOKE: 'Revoke', SEND: 'Send', TEAM: 'Care team', TRANSFER_WARD: 'Ward transfer'
      }
    }
  }
}
